{{/* The release's base name: the release name, with "-starling" unless it already says so. */}}
{{- define "starling.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end }}

{{/* A role's objects (Deployment, Service, PDB, HPA): <fullname>-<role>. */}}
{{- define "starling.roleName" -}}
{{- printf "%s-%s" (include "starling.fullname" .root) .role -}}
{{- end }}

{{/* The chart's own Secret, and the one holding the keys: existingSecret when given. */}}
{{- define "starling.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" (include "starling.fullname" .)) -}}
{{- end }}

{{- define "starling.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "starling.labels" -}}
{{ include "starling.selectorLabels" . }}
app.kubernetes.io/part-of: starling
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}

{{/* Labels of one role's objects; its pods are selected by name, instance and component. */}}
{{- define "starling.roleLabels" -}}
{{ include "starling.labels" .root }}
app.kubernetes.io/component: {{ .role }}
{{- end }}

{{- define "starling.roleSelector" -}}
{{ include "starling.selectorLabels" .root }}
app.kubernetes.io/component: {{ .role }}
{{- end }}

{{- define "starling.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end }}

{{/* PUBLIC_URL: the value, or the Ingress host's. */}}
{{- define "starling.publicUrl" -}}
{{- if .Values.publicUrl -}}
{{- .Values.publicUrl -}}
{{- else -}}
{{- printf "%s://%s" (ternary "https" "http" (not (empty .Values.ingress.tlsSecretName))) .Values.ingress.host -}}
{{- end -}}
{{- end }}

{{/* Where a service's replicas are, for <NAME>_URL: its ClusterIP Service. */}}
{{- define "starling.serviceUrl" -}}
{{- printf "http://%s:3000" (include "starling.roleName" .) -}}
{{- end }}

{{/* `valueFrom` of one key of the Secret that holds the keys; `optional` for keys one may leave out. */}}
{{- define "starling.secretRef" -}}
valueFrom:
  secretKeyRef:
    name: {{ include "starling.secretName" .root }}
    key: {{ .key }}
    {{- if .optional }}
    optional: true
    {{- end }}
{{- end }}

{{/*
DATABASE_URL, for a role that needs the database and for the migration Job: from the
Secret that holds the keys (existingSecret, or the chart's when database.url is given;
`secret` names another, the migration hook's), or made by Kubernetes from the fields of
`database` and the password read from database.passwordSecret ($(DATABASE_PASSWORD)).
*/}}
{{- define "starling.databaseEnv" -}}
{{- $v := .root.Values -}}
{{- if or $v.secrets.existingSecret $v.database.url }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ .secret | default (include "starling.secretName" .root) }}
      key: DATABASE_URL
{{- else }}
{{- $db := $v.database }}
{{- if $db.passwordSecret.name }}
- name: DATABASE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $db.passwordSecret.name }}
      key: {{ $db.passwordSecret.key }}
- name: DATABASE_URL
  value: {{ printf "postgres://%s:$(DATABASE_PASSWORD)@%s:%v/%s" ($db.user | urlquery) $db.host $db.port $db.name | quote }}
{{- else }}
- name: DATABASE_URL
  value: {{ printf "postgres://%s@%s:%v/%s" ($db.user | urlquery) $db.host $db.port $db.name | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/* Whether the cluster (or `helm template --api-versions`) has the ServiceMonitor resource, or it is asked for. */}}
{{- define "starling.serviceMonitor" -}}
{{- $on := .Values.serviceMonitor.enabled -}}
{{- if eq (toString $on) "auto" -}}
{{- if .Capabilities.APIVersions.Has "monitoring.coreos.com/v1/ServiceMonitor" }}true{{ end -}}
{{- else if $on -}}
true
{{- end -}}
{{- end }}

{{/*
What every Starling pod shares: the security context, the writable emptyDir volumes of
a read-only root file system (/tmp, and DATA_DIR=/data), the mounted rules and policy,
scheduling. `.root` is the chart's context.
*/}}
{{- define "starling.podCommon" -}}
{{- $v := .root.Values -}}
automountServiceAccountToken: false
{{- with $v.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml $v.podSecurityContext | nindent 2 }}
{{- with $v.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $v.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $v.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
volumes:
  - name: tmp
    emptyDir: {}
  - name: data
    emptyDir: {}
  {{- if or $v.notifyRules $v.accessPolicy }}
  - name: files
    configMap:
      name: {{ include "starling.fullname" .root }}-files
  {{- end }}
{{- end }}

{{- define "starling.volumeMounts" -}}
{{- $v := .root.Values -}}
volumeMounts:
  - name: tmp
    mountPath: /tmp
  - name: data
    mountPath: /data
  {{- if or $v.notifyRules $v.accessPolicy }}
  - name: files
    mountPath: /etc/starling
    readOnly: true
  {{- end }}
{{- end }}

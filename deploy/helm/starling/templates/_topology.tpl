{{/*
Starling's topology (apps/cli/src/topology.ts) as the chart needs it: each role, its
kind, what it needs from outside (database, bus, object-storage, mail), the services it
calls (their <NAME>_URL), and for a service the API prefixes it owns (the Ingress routes
them when ingress.routeTo is "services"). Every role but the token signer also gets
IDENTITY_URL, where the keys that verify tokens are. test/deploy/helm.test.ts renders the chart and
checks the result against the module, so a change there that is not made here fails.
Replicas, resources and autoscaling are values (roles.<role> in values.yaml).
*/}}
{{- define "starling.topology" -}}
gateway:
  kind: gateway
  needs: []
  calls: [identity, tweets, graph, timeline, media, notify, mastodon]
identity:
  kind: api
  needs: [database, bus]
  calls: []
  signsTokens: true
  prefixes:
    - /api/v1/info
    - /api/v1/users
    - /api/v1/auth
    - /api/v1/apps
    - /api/v1/oauth
    - /oauth
    - /.well-known/oauth-authorization-server
tweets:
  kind: api
  needs: [database, bus, object-storage]
  calls: [identity]
  prefixes: [/api/v2/tweets]
graph:
  kind: api
  needs: [database, bus]
  calls: [identity]
  prefixes:
    - /api/v1/users/{id}/follow
    - /api/v1/users/{id}/followers
    - /api/v1/users/{id}/following
timeline:
  kind: api
  needs: [database, bus, object-storage]
  calls: [identity]
  prefixes: [/api/v2/timelines, /api/v2/streaming, /api/v2/search]
media:
  kind: api
  needs: [database, bus, object-storage]
  calls: [identity]
  prefixes: [/api/v2/media]
notify:
  kind: api
  needs: [database, bus, mail]
  calls: [identity]
  prefixes:
    - /api/v2/notifications
    - /api/v2/streaming/notifications
    - /api/v2/webhooks
    - /api/v2/mail
mastodon:
  kind: api
  needs: [database, bus]
  calls: [identity, tweets, graph, timeline, media, notify]
  prefixes:
    - /api/v1/streaming
    - /api/v1/instance
    - /api/v2/instance
    - /.well-known/nodeinfo
    - /nodeinfo
    - /api/v1/custom_emojis
    - /api/v1/preferences
    - /api/v1/accounts
    - /api/v1/statuses
    - /api/v1/timelines
    - /mastodon
    - /api/v1/notifications
    - /api/v1/markers
    - /api/v1/media
identity-worker:
  kind: worker
  needs: [database, bus]
  calls: []
tweets-worker:
  kind: worker
  needs: [database, bus, object-storage]
  calls: []
graph-worker:
  kind: worker
  needs: [database, bus]
  calls: []
timeline-worker:
  kind: worker
  needs: [database, bus, object-storage]
  calls: []
media-worker:
  kind: worker
  needs: [database, bus, object-storage]
  calls: []
notify-worker:
  kind: worker
  needs: [database, bus, mail]
  calls: []
{{- end }}

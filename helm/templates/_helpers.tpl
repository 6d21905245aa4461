{{/* Name of the chart. */}}
{{- define "lfr.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Full name of the release's objects. */}}
{{- define "lfr.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Standard labels. */}}
{{- define "lfr.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "lfr.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: lfr
{{- end -}}

{{- define "lfr.selectorLabels" -}}
app.kubernetes.io/name: {{ include "lfr.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "lfr.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "lfr.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "lfr.image" -}}
{{- $tag := .Values.image.tag | default (ternary (printf "%s-native" .Chart.AppVersion) .Chart.AppVersion (eq .Values.image.flavour "native")) -}}
{{- printf "%s:%s" .Values.image.repository $tag -}}
{{- end -}}

{{/* The Secret holding the database credentials: the existing one, or the release's own. */}}
{{- define "lfr.dbSecretName" -}}
{{- default (printf "%s-db" (include "lfr.fullname" .)) .Values.database.existingSecret -}}
{{- end -}}

{{/* Environment shared by the pods and the migration Job (a pre-install hook, so no ConfigMap of the release
     exists yet when it runs: plain values here, credentials from the Secret). */}}
{{- define "lfr.env" -}}
{{- if eq .Values.database.mode "external" }}
- {name: LFR_DB_HOST, value: {{ .Values.database.host | quote }}}
- {name: LFR_DB_PORT, value: {{ .Values.database.port | quote }}}
- {name: LFR_DB_NAME, value: {{ .Values.database.name | quote }}}
- {name: LFR_DB_SSL_MODE, value: {{ .Values.database.sslMode | quote }}}
- name: QUARKUS_DATASOURCE_USERNAME
  valueFrom: {secretKeyRef: {name: {{ include "lfr.dbSecretName" . }}, key: {{ .Values.database.secretKeys.username }}}}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ include "lfr.dbSecretName" . }}, key: {{ .Values.database.secretKeys.password }}}}
{{- end }}
- {name: QUARKUS_OIDC_AUTH_SERVER_URL, value: {{ .Values.oidc.issuerUrl | quote }}}
- {name: QUARKUS_OIDC_CLIENT_ID, value: {{ .Values.oidc.clientId | quote }}}
- {name: QUARKUS_OIDC_TOKEN_AUDIENCE, value: {{ .Values.oidc.clientId | quote }}}
{{- end -}}

{{/* The JVM options the image needs (the same as its Dockerfile's JAVA_OPTS_APPEND, which this variable replaces:
     JBoss log manager, native libraries extracted to the writable /tmp and /cache volumes), then the user's. */}}
{{- define "lfr.javaOpts" -}}
{{- printf "-Djava.util.logging.manager=org.jboss.logmanager.LogManager -Djava.io.tmpdir=/tmp -Dorg.bytedeco.javacpp.cachedir=/cache/javacpp --add-modules jdk.incubator.vector %s" .Values.javaOpts | trim -}}
{{- end -}}

{{/* Labels of a pod that is part of the release but not of the service (the migration Job, the helm test): the
     Service, the PodDisruptionBudget and the NetworkPolicy must not select it. */}}
{{- define "lfr.auxiliaryLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "lfr.name" .root }}-{{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: lfr
{{- end -}}

{{/* Chart name, shortened to fit a DNS label. */}}
{{- define "relata.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name of the release's objects: the release name, with the chart name unless it already contains it. */}}
{{- define "relata.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Chart name and version, for the helm.sh/chart label ("+" is not allowed in label values). */}}
{{- define "relata.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels shared by every object of the release. */}}
{{- define "relata.commonLabels" -}}
helm.sh/chart: {{ include "relata.chart" . }}
app.kubernetes.io/name: {{ include "relata.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ include "relata.imageTag" . | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/part-of: relata
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* What the Service, the PodDisruptionBudget and the Deployment select: the server pods, never the test pod. */}}
{{- define "relata.selectorLabels" -}}
app.kubernetes.io/name: {{ include "relata.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end }}

{{- define "relata.labels" -}}
{{ include "relata.commonLabels" . }}
app.kubernetes.io/component: server
{{- end }}

{{- define "relata.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "relata.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The image tag: image.tag, else appVersion with -cuda on GPU pods. */}}
{{- define "relata.imageTag" -}}
{{- if .Values.image.tag }}
{{- .Values.image.tag }}
{{- else if gt (int .Values.gpu.count) 0 }}
{{- printf "%s-cuda" .Chart.AppVersion }}
{{- else }}
{{- .Chart.AppVersion }}
{{- end }}
{{- end }}

{{- define "relata.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (include "relata.imageTag" .) }}
{{- end }}
{{- end }}

{{/* The Secret holding the API keys: the given one, or the chart's own. */}}
{{- define "relata.apiKeysSecret" -}}
{{- default (printf "%s-api-keys" (include "relata.fullname" .)) .Values.relata.security.existingSecret }}
{{- end }}

{{/* "true" when pods keep state that only one pod at a time may use: the embedded store, or a ReadWriteOnce volume
the chart makes (for an existingClaim, set updateStrategy yourself). */}}
{{- define "relata.singleWriter" -}}
{{- if not .Values.database.existingSecret }}true
{{- else if and .Values.persistence.enabled (not .Values.persistence.existingClaim) (not (has "ReadWriteMany" .Values.persistence.accessModes)) }}true
{{- end }}
{{- end }}

{{/* Settings that cannot work together fail the render with a message that says what to change. */}}
{{- define "relata.validate" -}}
{{- $replicas := int .Values.replicaCount }}
{{- if .Values.autoscaling.enabled }}{{ $replicas = int .Values.autoscaling.maxReplicas }}{{ end }}
{{- if and (gt $replicas 1) (not .Values.database.existingSecret) }}
{{- fail "several replicas need PostgreSQL: set database.existingSecret (the embedded H2 store cannot be shared)" }}
{{- end }}
{{- if and (gt $replicas 1) .Values.persistence.enabled (not .Values.persistence.existingClaim) (not (has "ReadWriteMany" .Values.persistence.accessModes)) }}
{{- fail "several replicas share the model volume: set persistence.accessModes to [ReadWriteMany]" }}
{{- end }}
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- fail "autoscaling.minReplicas is above autoscaling.maxReplicas" }}
{{- end }}
{{- if le (int .Values.terminationGracePeriodSeconds) (add .Values.preStopSleepSeconds .Values.shutdownTimeoutSeconds | int) }}
{{- fail "terminationGracePeriodSeconds must exceed preStopSleepSeconds + shutdownTimeoutSeconds, or in-flight requests are cut off" }}
{{- end }}
{{- if eq (int .Values.service.port) (int .Values.management.port) }}
{{- fail "service.port and management.port must differ: the Service exposes both" }}
{{- end }}
{{- end }}

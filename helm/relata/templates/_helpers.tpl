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
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/part-of: relata
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* "true" when the release runs the API and the model as two tiers (role: split). */}}
{{- define "relata.split" -}}
{{- if eq .Values.role "split" }}true{{ end }}
{{- end }}

{{/* The component that takes the API traffic: server (role all) or api (role split). */}}
{{- define "relata.frontComponent" -}}
{{- if include "relata.split" . }}api{{ else }}server{{ end }}
{{- end }}

{{/* Labels that select one component's pods: (dict "ctx" $ "component" "api"). Never the test pod's. */}}
{{- define "relata.componentSelector" -}}
app.kubernetes.io/name: {{ include "relata.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* All labels of one component's objects: (dict "ctx" $ "component" "model"). */}}
{{- define "relata.componentLabels" -}}
{{ include "relata.commonLabels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* What the Service, the PodDisruptionBudget and the Deployment of the API traffic select. */}}
{{- define "relata.selectorLabels" -}}
{{ include "relata.componentSelector" (dict "ctx" . "component" (include "relata.frontComponent" .)) }}
{{- end }}

{{- define "relata.labels" -}}
{{ include "relata.componentLabels" (dict "ctx" . "component" (include "relata.frontComponent" .)) }}
{{- end }}

{{/* A name derived from the full name with a suffix, within a DNS label: (dict "ctx" $ "suffix" "model"). */}}
{{- define "relata.suffixedName" -}}
{{- printf "%s-%s" (include "relata.fullname" .ctx | trunc (int (sub 62 (len .suffix))) | trimSuffix "-") .suffix }}
{{- end }}

{{/* The Deployment (and HorizontalPodAutoscaler, PodDisruptionBudget) that takes the API traffic. */}}
{{- define "relata.frontName" -}}
{{- if include "relata.split" . }}{{ include "relata.suffixedName" (dict "ctx" . "suffix" "api") }}{{ else }}{{ include "relata.fullname" . }}{{ end }}
{{- end }}

{{- define "relata.modelName" -}}
{{- include "relata.suffixedName" (dict "ctx" . "suffix" "model") }}
{{- end }}

{{/* Where API pods reach the model tier: modelTier.url, the InferenceService's predictor, or the model Service. */}}
{{- define "relata.modelTierUrl" -}}
{{- $m := .Values.modelTier }}
{{- if $m.url }}{{ $m.url }}
{{- else if $m.kserve.enabled }}{{ printf "http://%s-predictor.%s.svc" (include "relata.modelName" .) .Release.Namespace }}
{{- else }}{{ printf "http://%s:%d" (include "relata.modelName" .) (int $m.service.port) }}
{{- end }}
{{- end }}

{{- define "relata.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "relata.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The image tag for pods with this many GPUs: (dict "ctx" $ "gpus" 1). image.tag, else appVersion, with -cuda
when the pods get a GPU. */}}
{{- define "relata.imageTag" -}}
{{- if .ctx.Values.image.tag }}
{{- .ctx.Values.image.tag }}
{{- else if gt (int .gpus) 0 }}
{{- printf "%s-cuda" .ctx.Chart.AppVersion }}
{{- else }}
{{- .ctx.Chart.AppVersion }}
{{- end }}
{{- end }}

{{/* The image reference for pods with this many GPUs: (dict "ctx" $ "gpus" 1). A digest wins over the tag. */}}
{{- define "relata.image" -}}
{{- if .ctx.Values.image.digest }}
{{- printf "%s@%s" .ctx.Values.image.repository .ctx.Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .ctx.Values.image.repository (include "relata.imageTag" .) }}
{{- end }}
{{- end }}

{{/* The Secret holding the API keys: the given one, or the chart's own. */}}
{{- define "relata.apiKeysSecret" -}}
{{- default (printf "%s-api-keys" (include "relata.fullname" .)) .Values.relata.security.existingSecret }}
{{- end }}

{{/* "true" when pods of a tier keep state that only one pod at a time may use: the embedded store (role all), or a
ReadWriteOnce volume the chart makes (for an existingClaim, set updateStrategy yourself): (dict "ctx" $ "tier" $tier). */}}
{{- define "relata.singleWriter" -}}
{{- $p := .tier.persistence }}
{{- if and (eq .tier.role "all") (not .ctx.Values.database.existingSecret) }}true
{{- else if and (ne .tier.role "api") $p.enabled (not $p.existingClaim) (not (has "ReadWriteMany" $p.accessModes)) }}true
{{- end }}
{{- end }}

{{/* Settings that cannot work together fail the render with a message that says what to change. */}}
{{- define "relata.validate" -}}
{{- $v := .Values }}
{{- $replicas := int $v.replicaCount }}
{{- if $v.autoscaling.enabled }}{{ $replicas = int $v.autoscaling.maxReplicas }}{{ end }}
{{- if include "relata.split" . }}
{{- if not $v.database.existingSecret }}
{{- fail "role split needs PostgreSQL: set database.existingSecret (both tiers share the store: facts, lexicon, training jobs)" }}
{{- end }}
{{- $m := $v.modelTier }}
{{- if and (gt (int $m.replicaCount) 1) (not $m.kserve.enabled) $m.persistence.enabled (not $m.persistence.existingClaim) (not (has "ReadWriteMany" $m.persistence.accessModes)) }}
{{- fail "several model pods share the model registry: set modelTier.persistence.accessModes to [ReadWriteMany]" }}
{{- end }}
{{- if and $m.kserve.enabled (gt (int $m.kserve.minReplicas) (int $m.kserve.maxReplicas)) }}
{{- fail "modelTier.kserve.minReplicas is above modelTier.kserve.maxReplicas" }}
{{- end }}
{{- else }}
{{- if $v.modelTier.kserve.enabled }}
{{- fail "modelTier.kserve.enabled needs role: split (the InferenceService is the model tier)" }}
{{- end }}
{{- if and (gt $replicas 1) (not $v.database.existingSecret) }}
{{- fail "several replicas need PostgreSQL: set database.existingSecret (the embedded H2 store cannot be shared)" }}
{{- end }}
{{- if and (gt $replicas 1) $v.persistence.enabled (not $v.persistence.existingClaim) (not (has "ReadWriteMany" $v.persistence.accessModes)) }}
{{- fail "several replicas share the model volume: set persistence.accessModes to [ReadWriteMany]" }}
{{- end }}
{{- end }}
{{- if and $v.autoscaling.enabled (gt (int $v.autoscaling.minReplicas) (int $v.autoscaling.maxReplicas)) }}
{{- fail "autoscaling.minReplicas is above autoscaling.maxReplicas" }}
{{- end }}
{{- if le (int $v.terminationGracePeriodSeconds) (add $v.preStopSleepSeconds $v.shutdownTimeoutSeconds | int) }}
{{- fail "terminationGracePeriodSeconds must exceed preStopSleepSeconds + shutdownTimeoutSeconds, or in-flight requests are cut off" }}
{{- end }}
{{- if eq (int $v.service.port) (int $v.management.port) }}
{{- fail "service.port and management.port must differ: the Service exposes both" }}
{{- end }}
{{- if eq (int $v.modelTier.service.port) (int $v.management.port) }}
{{- fail "modelTier.service.port and management.port must differ: the model Service exposes both" }}
{{- end }}
{{- end }}

{{/* The Deployments the release runs, as data: the single one (role all), or the API and the model tier (role
split; the model tier only when KServe does not run it). Each with what differs between them. Read with
(include "relata.tiers" . | fromYaml).tiers. */}}
{{- define "relata.tiers" -}}
{{- $v := .Values }}
{{- $tiers := list }}
{{- $front := dict "replicaCount" $v.replicaCount "resources" $v.resources "torchThreads" $v.torchThreads
  "nodeSelector" $v.nodeSelector "tolerations" $v.tolerations "affinity" $v.affinity
  "topologySpreadConstraints" $v.topologySpreadConstraints "priorityClassName" $v.priorityClassName
  "runtimeClassName" $v.runtimeClassName "podAnnotations" $v.podAnnotations "podLabels" $v.podLabels
  "probes" $v.probes "updateStrategy" $v.updateStrategy "podDisruptionBudget" $v.podDisruptionBudget
  "autoscaling" $v.autoscaling.enabled "env" dict }}
{{- if include "relata.split" . }}
{{- $tiers = append $tiers (merge (dict "role" "api" "component" "api" "name" (include "relata.frontName" .) "gpus" 0
  "persistence" (dict "enabled" false) "claimName" "") $front) }}
{{- $m := $v.modelTier }}
{{- if not $m.kserve.enabled }}
{{- $tiers = append $tiers (dict "role" "model" "component" "model" "name" (include "relata.modelName" .)
  "gpus" $m.gpu.count "gpuResource" $m.gpu.resourceName "persistence" $m.persistence
  "claimName" ($m.persistence.existingClaim | default (include "relata.modelName" .))
  "replicaCount" $m.replicaCount "resources" $m.resources "torchThreads" $m.torchThreads
  "nodeSelector" $m.nodeSelector "tolerations" $m.tolerations "affinity" $m.affinity
  "topologySpreadConstraints" $m.topologySpreadConstraints "priorityClassName" $m.priorityClassName
  "runtimeClassName" $m.runtimeClassName "podAnnotations" $m.podAnnotations "podLabels" $m.podLabels
  "probes" $m.probes "updateStrategy" $m.updateStrategy "podDisruptionBudget" $m.podDisruptionBudget
  "autoscaling" false "env" $m.env) }}
{{- end }}
{{- else }}
{{- $tiers = append $tiers (merge (dict "role" "all" "component" "server" "name" (include "relata.fullname" .)
  "gpus" $v.gpu.count "gpuResource" $v.gpu.resourceName "persistence" $v.persistence
  "claimName" ($v.persistence.existingClaim | default (include "relata.fullname" .))) $front) }}
{{- end }}
{{- toYaml (dict "tiers" $tiers) }}
{{- end }}

{{/* The environment that differs by role: (dict "ctx" $ "tier" $tier). The rest comes from the ConfigMap. */}}
{{- define "relata.roleEnv" -}}
{{- $v := .ctx.Values }}
{{- $security := $v.relata.security }}
{{- $role := .tier.role }}
{{- if ne $role "all" }}
- name: RELATA_ROLE
  value: {{ $role }}
{{- end }}
{{- if ne $role "api" }}
- name: RELATA_MODEL_DEVICE
  value: {{ $v.relata.model.device | quote }}
- name: RELATA_MODEL_REQUIRED
  value: {{ $v.relata.model.required | quote }}
{{- end }}
{{- if eq $role "api" }}
# The model tier; questions it cannot answer in time are answered from stated facts (readiness never waits for it).
- name: RELATA_MODELTIER_URL
  value: {{ include "relata.modelTierUrl" .ctx | quote }}
{{- end }}
{{- if $security.enabled }}
{{- if eq $role "model" }}
# Only the API tier calls the model tier: it accepts the one token the API pods send.
- name: RELATA_SECURITY_READKEYS
  valueFrom:
    secretKeyRef:
      name: {{ include "relata.apiKeysSecret" .ctx }}
      key: {{ $security.modelTierKeyKey }}
{{- else }}
- name: RELATA_SECURITY_READKEYS
  valueFrom:
    secretKeyRef:
      name: {{ include "relata.apiKeysSecret" .ctx }}
      key: {{ $security.readKeysKey }}
- name: RELATA_SECURITY_WRITEKEYS
  valueFrom:
    secretKeyRef:
      name: {{ include "relata.apiKeysSecret" .ctx }}
      key: {{ $security.writeKeysKey }}
{{- end }}
{{- if eq $role "api" }}
- name: RELATA_MODELTIER_APIKEY
  valueFrom:
    secretKeyRef:
      name: {{ include "relata.apiKeysSecret" .ctx }}
      key: {{ $security.modelTierKeyKey }}
{{- end }}
{{- end }}
{{- range $key, $value := .tier.env }}
- name: {{ $key }}
  value: {{ $value | quote }}
{{- end }}
{{- end }}

{{/* PostgreSQL's URL and credentials from database.existingSecret, as Spring Boot reads them. */}}
{{- define "relata.databaseEnv" -}}
{{- $db := .Values.database }}
{{- if $db.existingSecret }}
- name: SPRING_DATASOURCE_URL
  valueFrom:
    secretKeyRef:
      name: {{ $db.existingSecret }}
      key: {{ $db.urlKey }}
- name: SPRING_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $db.existingSecret }}
      key: {{ $db.usernameKey }}
- name: SPRING_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $db.existingSecret }}
      key: {{ $db.passwordKey }}
{{- end }}
{{- end }}

{{/* A claim for relata.home: (dict "ctx" $ "name" $name "component" "model" "persistence" $p). Kept on uninstall. */}}
{{- define "relata.claim" -}}
{{- $p := .persistence }}
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: {{ .name }}
  labels:
    {{- include "relata.componentLabels" (dict "ctx" .ctx "component" .component) | nindent 4 }}
  annotations:
    # Models (and the embedded store) outlive an uninstall; delete the claim by hand to drop them.
    helm.sh/resource-policy: keep
    {{- with $p.annotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  accessModes:
    {{- toYaml $p.accessModes | nindent 4 }}
  {{- if eq $p.storageClassName "-" }}
  storageClassName: ""
  {{- else if $p.storageClassName }}
  storageClassName: {{ $p.storageClassName | quote }}
  {{- end }}
  resources:
    requests:
      storage: {{ $p.size | quote }}
{{- end }}

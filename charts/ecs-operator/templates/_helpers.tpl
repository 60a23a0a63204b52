{{- define "ecs-operator.labels" -}}
app.kubernetes.io/name: ecs-operator
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
{{- define "ecs-operator.selector" -}}
app.kubernetes.io/name: ecs-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

// Monaco's JSON language worker (validation, formatting, schema completion), served by the app.
import "monaco-editor/languages/features/json/json.worker";

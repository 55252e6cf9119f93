// Monaco's editor worker (diffs, word-based suggestions, link detection), as a module worker the
// bundler builds and the app serves: see docs/decisions/103-monaco-bundled-locally.md.
import "monaco-editor/editor/editor.worker";

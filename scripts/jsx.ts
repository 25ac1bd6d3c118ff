/**
 * How every build compiles JSX: Preact's automatic runtime, always in its production form.
 * (Vite's default follows NODE_ENV, which WXT sets to the build mode: the testing build, which
 * the tests and benchmarks load, would otherwise carry development JSX with file names and line
 * numbers in every element. @preact/preset-vite did just that; its other parts, hot reload and
 * devtools, have no use in an extension or a userscript.)
 */
export const PREACT_JSX = {
  jsx: { runtime: 'automatic', importSource: 'preact', development: false },
} as const;

// Vite's `?raw` import: the file's text as a string, bundled into the importing chunk.
declare module '*?raw' {
  const text: string;
  export default text;
}

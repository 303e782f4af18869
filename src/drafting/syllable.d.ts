/** syllable@4.1.0 ships CommonJS without type declarations: `module.exports = syllables`. */
declare module 'syllable' {
  export default function syllable(value: string): number;
}

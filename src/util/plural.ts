// The one home of English number agreement in cse's messages, text output and pack.

/** "1 evidence item", "2 evidence items": `n` with the word in the right number. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The word alone in the right number: "it"/"them", "warning"/"warnings". */
export function inNumber(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** "an error" for one, "3 errors" for more: one is said in words, more are counted. */
export function oneOrCount(n: number, one: string, many: string): string {
  return n === 1 ? one : `${n} ${many}`;
}

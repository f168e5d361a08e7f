// The page's URL hash in readable form: key=value pairs percent-encoded except
// for commas and colons (net=8:relu,4:tanh stays legible in a shared link).
// A leaf module, so the one-file <nn-playground> script can use it too.

/** key=value with commas and colons left readable. */
export function hashPair(key: string, value: string): string {
  const enc = (v: string) => encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3A/g, ':');
  return `${enc(key)}=${enc(value)}`;
}

/** "#a=1&b=x,y" for any parameters. */
export function hashText(params: URLSearchParams): string {
  return `#${[...params].map(([k, v]) => hashPair(k, v)).join('&')}`;
}

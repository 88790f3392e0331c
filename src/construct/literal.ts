/**
 * Makes config text literal in Terraform, where every string is a template:
 * `${` and `%{` would start an interpolation or a directive.
 */
export function terraformLiteral(text: string): string {
  return text.replace(/([$%])\{/g, '$1$1{');
}

/**
 * Escapes a string for use inside a RegExp, so names and phrases match literally.
 * @example escapeRegExp('Dr. (IfB)') // => 'Dr\\. \\(IfB\\)'
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes a secret from any text before it is printed or written: the key never leaves in output, files or errors. */
export function redact(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('<redacted>');
}

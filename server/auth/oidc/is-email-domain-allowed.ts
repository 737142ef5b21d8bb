/** True when the provider allows any domain, or the address's domain is on its list (exactly: no subdomains). */
export function isEmailDomainAllowed(email: string, allowedDomains: readonly string[] | undefined): boolean {
  if (!allowedDomains) return true;
  const at = email.lastIndexOf("@");
  if (at < 1) return false;
  return allowedDomains.includes(email.slice(at + 1).toLowerCase());
}

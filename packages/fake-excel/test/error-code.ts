/** The Office.js error code a call fails with, or 'no error': what the fake's tests compare with Excel's. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? `no code: ${String(e)}`;
  }
  return 'no error';
}

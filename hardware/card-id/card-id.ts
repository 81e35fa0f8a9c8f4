/**
 * A card id in canonical form, so that the same physical card matches whichever reader read
 * it. See `hardware/card-id/README.md` for the table of formats.
 *
 * - `uid32`: the reader saw the full 32-bit UID (10-digit decimal, 8/10 hex, `ddddd,nnnnn`).
 *   `canonical` is `U` + 8 upper-case hex digits, most significant byte first.
 * - `low24`: only the low 24 bits are known (W26 `fff,nnnnn`, 8-digit decimal). `low24` is
 *   `L` + 6 upper-case hex digits. A `uid32` card also carries its `low24`, so a W26 read
 *   can still find it.
 * - `token`: an opaque membership code (QR on a phone); `canonical` is `T:` + the code.
 */
export type NormalisedCard =
  | { readonly kind: 'uid32'; readonly canonical: string; readonly low24: string }
  | { readonly kind: 'low24'; readonly low24: string }
  | { readonly kind: 'token'; readonly canonical: string };

/** The shape of one product code; the code sets in code-sets/ and codes.ts use it. */
export interface CodeInfo {
  /** HTTP status a server maps this code to. */
  status: number;
  nl: string;
  en: string;
  /** LEGAL.md entry this code enforces, if any. */
  rule?: string;
}

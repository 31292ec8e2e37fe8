declare module 'html-encoding-sniffer' {
  export interface SniffOptions {
    xml?: boolean;
    transportLayerEncodingLabel?: string;
    defaultEncoding?: string;
  }
  /** Returns the canonical WHATWG encoding name of an HTML byte stream. */
  export default function sniffHTMLEncoding(bytes: Uint8Array, options?: SniffOptions): string;
}

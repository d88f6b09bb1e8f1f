// <cloudplay-try> in React's TSX (React 18.3 and 19, whose JSX types live in the "react"
// module). Types only, opted into where the element is used:
//   import type {} from "cloudplay/widget/react";
// React 19 sets a custom element's properties, so `params` may be an object there; React 18
// writes every value as an attribute, so give it JSON text.
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { CloudplayTry } from "./cloudplay-try.js";

/** The box's attributes (the package README says each). */
export interface CloudplayTryAttributes {
  api: string;
  example?: string | number;
  region?: string;
  params?: string | Record<string, unknown>;
  playground?: string;
  theme?: "light" | "dark";
  heading?: 2 | 3 | 4 | 5 | 6 | "2" | "3" | "4" | "5" | "6";
  specs?: string;
}

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "cloudplay-try": DetailedHTMLProps<HTMLAttributes<CloudplayTry>, CloudplayTry> & CloudplayTryAttributes;
    }
  }
}

/** <graphdeck-card> inside the app's own JSX (the concept page previews the embed). */
import "solid-js";

declare module "solid-js" {
  namespace JSX {
    interface IntrinsicElements {
      "graphdeck-card": { "attr:concept": string; "attr:theme"?: string };
    }
  }
}

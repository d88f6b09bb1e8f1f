// A documentation site's code: importing the widget defines <cloudplay-try>; the engine is
// fetched when a box comes near the viewport.
import "cloudplay/widget";

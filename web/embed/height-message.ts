/**
 * The iframe embed and embed.js talk with two messages: the iframe sends
 * { type: HEIGHT_MESSAGE, height } whenever its card's height changes, and
 * embed.js, once it starts listening, sends { type: MEASURE_MESSAGE } to ask
 * again (the first report may have come before anyone listened).
 */
export const HEIGHT_MESSAGE = "graphdeck:height";
export const MEASURE_MESSAGE = "graphdeck:measure";

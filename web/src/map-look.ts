/** The colours that say what a role on the map is; the browser tests read them back from the renderer. */
export const pathColour = '#c2410c';
export const currentColour = '#111827';
export const mutedNode = '#d1d5db';
/** Legible on a phone: the floor is 11 px. */
export const labelSize = 13;

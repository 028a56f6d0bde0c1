/**
 * How many roles fit on one screen with every label readable. Above it the map opens on an overview of
 * clusters; at or below it, the whole ladder is one cluster. Shared by the server's layout and the page.
 */
export const screenful = 40;

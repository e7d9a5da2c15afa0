/**
 * Leaf types of the places, so a place can name its props without importing the registry that
 * imports it.
 */

/** What the shell passes to a place: the rest of the route (`#/checklists/<id>` → `<id>`). */
export type PlaceProps = Readonly<{ subpath?: string }>;

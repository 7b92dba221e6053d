/** The host's seat id: one host seat per room, whoever holds the host token sits in it. */
export const hostSeat = 'host';

// Yield to the event loop: the rest runs in a later task, so the page can handle input and paint
// between slices of long work (the Office.js and WPS adapters, the pane's messages to its worker).
export const nextTask = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));

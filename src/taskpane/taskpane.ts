// Placeholder task pane: reports that Office is ready. The real UI replaces this file.

function setStatus(text: string): void {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}

Office.onReady((info) => {
  setStatus(info.host ? `就绪 Ready (${info.host})` : "就绪 Ready (outside Office)");
});

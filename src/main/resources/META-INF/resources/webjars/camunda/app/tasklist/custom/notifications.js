/*
 * Tasklist shows a task that cannot be loaded (done meanwhile, another department's, an unknown id) as a notification
 * "<status>: <message>" that carries the server's message twice, each time behind the name of the data that failed to
 * load ("<task> <- 该任务不存在…": its data layer prefixes the name, and Tasklist passes the same text as status and as
 * message). This script drops that prefix wherever a notification shows it, and a message that only repeats the status,
 * so that the server's message reads once.
 */
const DATA_PREFIX = /^\s*(?:(?:<|&lt;)[\w.-]+(?:>|&gt;)\s*(?:<|&lt;)-\s*)+/;

function withoutPrefix(element) {
  if (element && DATA_PREFIX.test(element.textContent)) {
    // Angular writes the text again only when the notification changes, so the plain text stays
    element.textContent = element.textContent.replace(DATA_PREFIX, '');
  }
}

export function tidy(root) {
  root.querySelectorAll('[notifications-panel] .alert').forEach(alert => {
    const status = alert.querySelector('.status');
    const message = alert.querySelector('.message');
    withoutPrefix(status);
    withoutPrefix(message);
    if (status && message && message.style.display !== 'none' && status.textContent.trim() === message.textContent.trim()) {
      message.style.display = 'none';
      alert.querySelectorAll('strong:not(.status)').forEach(separator => {
        separator.style.display = 'none';
      });
    }
  });
}

// mutation callbacks run before the browser paints, so the doubled text is never shown
new MutationObserver(() => tidy(document)).observe(document.body, { childList: true, subtree: true });

export default [];

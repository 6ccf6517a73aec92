/*
 * Tasklist offers 创建任务 to every user, while the engine lets only who holds CREATE on Task create one (a free task
 * outside every proposal). This script hides the action unless the engine's answer to OPTIONS /task has the "create"
 * link, as Tasklist itself does for 创建过滤器.
 */
const TASK_OPTIONS = '/camunda/api/engine/engine/default/task';
const ACTION = 'li.create-task-action';

let allowed = false;

function apply(root) {
  root.querySelectorAll(ACTION).forEach(action => {
    action.style.display = allowed ? '' : 'none';
  });
}

fetch(TASK_OPTIONS, { method: 'OPTIONS', credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then(response => (response.ok ? response.json() : { links: [] }))
  .then(options => {
    allowed = (options.links || []).some(link => link.rel === 'create');
    apply(document);
  })
  .catch(() => apply(document));

new MutationObserver(() => apply(document)).observe(document.body, { childList: true, subtree: true });

export default [];

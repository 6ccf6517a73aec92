/*
 * The bureau's pages in Tasklist: a 工作台 link in the header (back to the home, /), and a 案卷 tab on every task that
 * links to the case file of the task's proposal (/proposals/{number}). The proposal's number is the task's variable
 * proposalNumber, else its process instance's business key (every process of a proposal carries the number as key).
 */
const DEFAULT_ENGINE_API = '/camunda/api/engine/engine/default';

function engineApi(context) {
  return (context && context.api && context.api.engineApi) || DEFAULT_ENGINE_API;
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : null;
}

export async function proposalNumberOf(api, taskId) {
  const variable = await getJson(api + '/task/' + encodeURIComponent(taskId) + '/variables/proposalNumber');
  if (variable && variable.value) {
    return String(variable.value);
  }
  const task = await getJson(api + '/task/' + encodeURIComponent(taskId));
  if (!task || !task.processInstanceId) {
    return null;
  }
  const instance = await getJson(api + '/process-instance/' + encodeURIComponent(task.processInstanceId));
  return instance && instance.businessKey ? instance.businessKey : null;
}

function taskIdInLocation() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query).get('task');
}

async function showCaseFile(node, api, taskId) {
  node.dataset.taskId = taskId;
  node.textContent = '正在查找本任务的提案……';
  const number = await proposalNumberOf(api, taskId).catch(() => null);
  if (node.dataset.taskId !== taskId) {
    return;
  }
  node.replaceChildren();
  if (!number) {
    node.textContent = '本任务不属于某件提案。';
    return;
  }
  const link = document.createElement('a');
  link.href = '/proposals/' + encodeURIComponent(number);
  link.target = '_blank';
  link.rel = 'noopener';
  link.className = 'pd-case-file-link';
  link.textContent = '打开提案 ' + number + ' 的案卷';
  const hint = document.createElement('p');
  hint.className = 'text-muted';
  hint.textContent = '案卷汇集登记信息、办理过程、答复和评价，在新窗口打开。';
  node.append(link, hint);
}

export default [
  {
    id: 'bureau-home-link',
    pluginPoint: 'tasklist.navbar.action',
    priority: 400,
    render: node => {
      const link = document.createElement('a');
      link.href = '/';
      link.className = 'pd-home-link';
      link.textContent = '工作台';
      link.title = '提案办理台工作台：案卷检索、挂图作战、台账和其他页面';
      node.replaceChildren(link);
    }
  },
  {
    id: 'proposal-case-file',
    pluginPoint: 'tasklist.task.detail',
    priority: 50,
    properties: { label: '案卷' },
    render: (node, context) => {
      const api = engineApi(context);
      const container = document.createElement('div');
      container.className = 'pd-case-file';
      container.style.padding = '12px 0';
      node.replaceChildren(container);
      showCaseFile(container, api, context.taskId);
      // the tab may stay on screen when another task is chosen
      window.addEventListener('hashchange', () => {
        const taskId = taskIdInLocation();
        if (taskId && container.isConnected && taskId !== container.dataset.taskId) {
          showCaseFile(container, api, taskId);
        }
      });
    }
  }
];

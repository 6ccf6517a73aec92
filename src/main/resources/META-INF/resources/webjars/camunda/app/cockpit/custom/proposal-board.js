/*
 * Progress board (挂图作战) in Cockpit: a route #/proposal-board with a navigation entry. Reads
 * GET /api/board with the Cockpit login (the API accepts the webapp session for read-only calls)
 * and redraws itself every 60 seconds. A proposal's number opens its case file. Plain DOM, no libraries.
 */
const REFRESH_MS = 60 * 1000;
const LIGHT_COLOURS = { RED: '#d9363e', AMBER: '#f0a020', GREEN: '#2e9e4f' };
let timer = null;

function el(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'style') {
      node.style.cssText = value;
    } else {
      node.setAttribute(name, value);
    }
  });
  (children || []).forEach(child => {
    node.appendChild(typeof child === 'string' || typeof child === 'number'
      ? document.createTextNode(String(child)) : child);
  });
  return node;
}

function percent(rate) {
  return rate.percent === null || rate.percent === undefined
    ? '暂无' : rate.percent.toFixed(1) + '%（' + rate.part + '/' + rate.whole + '）';
}

function daysText(days) {
  if (days === null || days === undefined) {
    return '—';
  }
  return days < 0 ? '超期 ' + (-days) + ' 个工作日' : '剩余 ' + days + ' 个工作日';
}

function tile(label, value, colour) {
  return el('div', {
    'class': 'pd-tile',
    style: 'display:inline-block;min-width:150px;margin:0 12px 12px 0;padding:10px 14px;border:1px solid #ddd;'
      + 'border-radius:4px;background:#fff;vertical-align:top'
  }, [
    el('div', { style: 'color:#666;font-size:13px' }, [label]),
    el('div', { style: 'font-size:22px;font-weight:bold;color:' + (colour || '#333') }, [value])
  ]);
}

function countTable(title, counts) {
  return el('div', { style: 'display:inline-block;vertical-align:top;margin:0 24px 12px 0;min-width:260px' }, [
    el('h4', {}, [title]),
    el('table', { 'class': 'cam-table pd-counts' }, [
      el('thead', {}, [el('tr', {}, [el('th', {}, ['名称']), el('th', {}, ['件数'])])]),
      el('tbody', {}, counts.map(c => el('tr', {}, [el('td', {}, [c.name]), el('td', {}, [c.count])])))
    ])
  ]);
}

function barChart(counts) {
  const max = Math.max(1, ...counts.map(c => c.count));
  return el('div', { 'class': 'pd-bars', style: 'display:inline-block;vertical-align:top;min-width:360px' }, [
    el('h4', {}, ['各处室在办提案']),
    ...counts.map(c => el('div', { style: 'display:flex;align-items:center;margin:4px 0' }, [
      el('span', { style: 'width:120px;font-size:13px;text-align:right;padding-right:8px' }, [c.name]),
      el('span', {
        style: 'display:inline-block;height:16px;background:#4a7bd0;width:' + Math.round(240 * c.count / max) + 'px'
      }),
      el('span', { style: 'padding-left:6px;font-size:13px' }, [c.count])
    ]))
  ]);
}

function proposalTable(rows) {
  const head = ['', '编号', '标题', '角色', '环节', '主办处室', '答复期限', '剩余/超期工作日'];
  return el('table', { 'class': 'cam-table pd-proposals', style: 'width:100%' }, [
    el('thead', {}, [el('tr', {}, head.map(h => el('th', {}, [h])))]),
    el('tbody', {}, rows.map(r => el('tr', { 'data-number': r.number }, [
      el('td', { title: r.lightLabel }, [el('span', {
        'class': 'pd-light pd-light-' + r.light.toLowerCase(),
        style: 'display:inline-block;width:14px;height:14px;border-radius:7px;background:' + LIGHT_COLOURS[r.light]
      }), ' ' + r.lightLabel]),
      el('td', {}, [el('a', { href: '/proposals/' + encodeURIComponent(r.number), target: '_blank', title: '打开案卷' }, [r.number])]),
      el('td', {}, [r.title + (r.key ? '（重点）' : '')]),
      el('td', {}, [r.roleLabel]),
      el('td', {}, [r.stage]),
      el('td', {}, [r.leadDepartmentName]),
      el('td', {}, [r.answerDue || '—']),
      el('td', { style: r.workingDaysLeft < 0 ? 'color:' + LIGHT_COLOURS.RED : '' }, [daysText(r.workingDaysLeft)])
    ])))
  ]);
}

function draw(node, board) {
  const red = board.proposals.filter(r => r.light === 'RED').length;
  const amber = board.proposals.filter(r => r.light === 'AMBER').length;
  node.replaceChildren(el('div', { 'class': 'pd-board', style: 'padding:16px 24px' }, [
    el('h2', {}, ['挂图作战 · 提案办理进度']),
    el('p', { style: 'color:#666' }, ['统计日期 ' + board.today + '，每 60 秒自动刷新。红灯：已超期；黄灯：剩余不超过 5 个工作日；绿灯：正常。']),
    el('div', {}, [
      tile('在办提案', board.openCount),
      tile('超期（红灯）', red, LIGHT_COLOURS.RED),
      tile('临期（黄灯）', amber, LIGHT_COLOURS.AMBER),
      tile('按时答复率', percent(board.onTime)),
      tile('满意率（含基本满意）', percent(board.satisfaction))
    ]),
    el('div', {}, [
      countTable('按环节', board.byStage),
      countTable('按主办处室', board.byDepartment),
      barChart(board.byDepartment)
    ]),
    el('h4', {}, ['在办提案清单']),
    proposalTable(board.proposals)
  ]));
}

async function load(node) {
  try {
    const response = await fetch('/api/board', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(response.status === 401 ? '未登录或登录已过期，请重新登录。' : '服务器返回 ' + response.status);
    }
    draw(node, await response.json());
  } catch (e) {
    node.replaceChildren(el('div', { 'class': 'alert alert-danger', style: 'margin:16px 24px' },
      ['挂图作战数据加载失败：' + e.message]));
  }
}

export default [
  {
    id: 'proposal-board-route',
    pluginPoint: 'cockpit.route',
    properties: { path: '/proposal-board', label: '挂图作战' },
    render: node => {
      node.replaceChildren(el('div', { style: 'padding:16px 24px' }, ['正在加载……']));
      load(node);
      clearInterval(timer);
      timer = setInterval(() => load(node), REFRESH_MS);
    },
    unmount: () => {
      clearInterval(timer);
      timer = null;
    }
  },
  {
    id: 'proposal-board-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: {
      pagePath: '#/proposal-board',
      label: '挂图作战',
      checkActive: path => path.indexOf('#/proposal-board') > -1
    }
  }
];

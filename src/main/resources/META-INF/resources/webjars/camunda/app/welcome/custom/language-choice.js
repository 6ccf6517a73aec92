/*
 * 界面语言 · Language: a box on the welcome page, beside the user's profile, to choose the language of the
 * webapps in this browser (kept in localStorage, see ../../locale-choice.js). Labels in both languages, so
 * that either reader finds it.
 */
import { chooseLocale, chosenLocale } from '../../locale-choice.js';

const OPTIONS = [
  { value: '', label: '跟随浏览器 · Browser language' },
  { value: 'zh', label: '简体中文' },
  { value: 'en', label: 'English' }
];

function render(node) {
  const title = document.createElement('h3');
  title.textContent = '界面语言 · Language';

  const select = document.createElement('select');
  select.className = 'form-control';
  select.id = 'pd-language';
  select.setAttribute('aria-label', '界面语言 · Language');
  const current = chosenLocale() || '';
  OPTIONS.forEach(option => {
    const element = document.createElement('option');
    element.value = option.value;
    element.textContent = option.label;
    element.selected = option.value === current;
    select.appendChild(element);
  });
  select.addEventListener('change', () => {
    chooseLocale(select.value);
    window.location.reload();
  });

  const help = document.createElement('p');
  help.className = 'help-block';
  help.textContent = '对本浏览器中的任务列表、驾驶舱、管理和欢迎页生效。'
    + ' Applies to Tasklist, Cockpit, Admin and this page in this browser.';

  node.replaceChildren(title, select, help);
}

export default [
  {
    id: 'proposal-desk-language',
    pluginPoint: 'welcome.profile',
    priority: 100,
    render
  }
];

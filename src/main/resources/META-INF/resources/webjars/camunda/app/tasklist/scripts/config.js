/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // product branding: header and browser title show "<vendor> <name>"
  app: {
    name: '待办任务',
    vendor: '建议提案办理系统'
  },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // Chinese first: the browser language is cut at the dash and lowercased,
  // so zh-CN, zh-TW, zh-HK ... all select 'zh' (app/<app>/locales/zh.json).
  // Month/weekday names for dates come from the "dateLocales" block of that
  // file; config.js has no date-locale setting of its own in 7.24.
  locales: {
    // Chinese only, whatever the browser's language: a browser set to English (or a headless one that sends no
    // language) showed Camunda's English words in an office's product.
    availableLocales: ['zh'],
    // zh also as the fallback: each loaded locale file resets the global date locale (moment) as it
    // arrives, so with an 'en' fallback loading beside 'zh', a first visit could show "in 3 months".
    fallbackLocale: 'zh'
  },
  // This office's words and widgets (scripts/*.js, each says why): form-js messages and the date picker in
  // Chinese, searching by an item's number, 登记 instead of starting a process, due dates on task cards.
  customScripts: [
    'scripts/form-words',
    'scripts/date-picker',
    'scripts/task-search',
    'scripts/registration',
    'scripts/task-card',
    'scripts/back-to-app',
    'scripts/claim-hint',
    'scripts/task-rights',
    'scripts/engine-words',
    'scripts/task-tabs',
    'scripts/form-links'
  ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '签收当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到列表中的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到列表中的第一项任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开登记建议提案对话框'
    }
  }
};

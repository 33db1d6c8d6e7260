/*
 * Tasklist's configuration (it replaces the webapp's own scripts/config.js, which is all comments
 * apart from the shortcuts kept below). uk-tasklist.js makes dates day first, says which case a
 * started Form A opened; see the comments there.
 */
export default {
  customScripts: ['scripts/uk-tasklist'],
  dateFormat: {
    normal: 'D MMMM YYYY HH:mm',
    long: 'dddd D MMMM YYYY HH:mm'
  },
  disableWelcomeMessage: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};

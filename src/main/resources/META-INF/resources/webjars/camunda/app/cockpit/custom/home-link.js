/* A 工作台 entry in Cockpit's header: back to the bureau's home (/). */
export default [
  {
    id: 'bureau-home-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 60,
    properties: {
      pagePath: '/',
      label: '工作台',
      checkActive: () => false
    }
  }
];

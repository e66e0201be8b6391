// Omniflow web chat embed: <script src="https://<runtime>/chat-assets/embed.js" data-flow="card-help"
//   data-token="<channel token>" data-locale="zh-CN" data-attr-segment="gold" data-attr-first-name="Ada"></script>
// adds the chat in an iframe where the script stands. Every data-attr-<name> (or the JSON object in
// data-attributes) reaches the flow as contact.attributes.<name> (data-attr-first-name → contact.attributes.firstName).
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var data = script.dataset;
  var origin = new URL(script.src, location.href).origin;
  var query = new URLSearchParams();
  query.set('token', data.token || '');
  if (data.locale) query.set('locale', data.locale);
  if (data.attributes) {
    try {
      var given = JSON.parse(data.attributes);
      Object.keys(given).forEach(function (name) {
        query.set('attr-' + name, String(given[name]));
      });
    } catch (error) {
      console.error('Omniflow chat: data-attributes is not a JSON object; ignored', error);
    }
  }
  Object.keys(data).forEach(function (key) {
    if (key.indexOf('attr') === 0 && key.length > 4 && key !== 'attributes') {
      var name = key.charAt(4).toLowerCase() + key.slice(5);
      query.set('attr-' + name, data[key]);
    }
  });
  var frame = document.createElement('iframe');
  frame.src = origin + '/chat/' + encodeURIComponent(data.flow || '') + '?' + query.toString();
  frame.title = data.title || 'Chat';
  frame.style.cssText = 'border:0;width:' + (data.width || '380px') + ';height:' + (data.height || '560px');
  script.parentNode.insertBefore(frame, script.nextSibling);
})();

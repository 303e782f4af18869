/*
 * The inbox's live updates, shared by the list and message pages: one EventSource on /inbox/events.
 *   window.inboxLive.on(type, fn)   type: 'list' | 'message' | 'presence' | 'open' | 'error';
 *                                   fn(data) gets the event's parsed JSON; returns an unsubscribe function.
 *   window.inboxLive.renderPresence(container, people, exceptUserId)
 *                                   fills container with "NAME is viewing/replying" spans (text only).
 * Plain ES2020, no build step; the page works without it (it only adds live updates).
 */
(function () {
  'use strict';
  var handlers = {};
  var source = null;
  var TYPES = ['list', 'message', 'presence'];

  function dispatch(type, data) {
    (handlers[type] || []).slice().forEach(function (fn) {
      try {
        fn(data);
      } catch (err) {
        console.error('inboxLive handler failed', err);
      }
    });
  }

  function connect() {
    if (source || typeof window.EventSource !== 'function') return;
    source = new EventSource('/inbox/events');
    TYPES.forEach(function (type) {
      source.addEventListener(type, function (event) {
        var data;
        try {
          data = JSON.parse(event.data);
        } catch {
          return;
        }
        dispatch(type, data);
      });
    });
    source.addEventListener('open', function () {
      dispatch('open', {});
    });
    // EventSource reconnects by itself (the server sets retry: 5000); pages may show a notice.
    source.addEventListener('error', function () {
      dispatch('error', {});
    });
  }

  function renderPresence(container, people, exceptUserId) {
    if (!container) return;
    container.textContent = '';
    (people || []).forEach(function (person) {
      if (!person || person.userId === exceptUserId) return;
      var mode = person.mode === 'replying' ? 'replying' : 'viewing';
      var span = document.createElement('span');
      span.className = 'presence-person presence-' + mode;
      span.textContent = String(person.name) + ' is ' + mode;
      container.appendChild(span);
    });
  }

  window.inboxLive = {
    on: function (type, fn) {
      if (!handlers[type]) handlers[type] = [];
      handlers[type].push(fn);
      connect();
      return function () {
        handlers[type] = (handlers[type] || []).filter(function (f) {
          return f !== fn;
        });
      };
    },
    renderPresence: renderPresence,
  };
})();

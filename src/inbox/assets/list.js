/*
 * The inbox list's enhancements (the page works without them): live rows through inboxLive (live.js),
 * presence updates, and keyboard shortcuts: j/k or arrows move between rows, Enter opens,
 * "/" focuses the search, "?" opens the help dialog (Escape closes it).
 */
(function () {
  'use strict';
  var body = document.body;
  var rowsUrl = body.dataset.rowsUrl;
  var me = body.dataset.userId;
  var status = document.getElementById('live-status');
  var help = document.getElementById('shortcuts-help');
  var helpButton = document.getElementById('shortcuts-button');

  function links() {
    return Array.prototype.slice.call(document.querySelectorAll('#inbox-rows a.open-link'));
  }

  function currentIndex() {
    return links().indexOf(document.activeElement);
  }

  function focusRow(index) {
    var all = links();
    if (all.length === 0) return;
    var target = all[Math.max(0, Math.min(all.length - 1, index))];
    select(target);
    target.focus();
    target.scrollIntoView({ block: 'nearest' });
  }

  // The selected row stays marked (class and aria-current) even when focus moves to a dialog.
  function select(link) {
    var previous = document.querySelectorAll('#inbox-rows tr.selected');
    Array.prototype.forEach.call(previous, function (tr) {
      tr.classList.remove('selected');
      var a = tr.querySelector('a.open-link');
      if (a) a.removeAttribute('aria-current');
    });
    var row = link.closest('tr');
    if (row) row.classList.add('selected');
    link.setAttribute('aria-current', 'true');
  }

  document.addEventListener('focusin', function (event) {
    var t = event.target;
    if (t && t.classList && t.classList.contains('open-link') && t.closest('#inbox-rows')) select(t);
  });

  function announce(text) {
    if (!status) return;
    status.textContent = '';
    // A fresh text node after a clear makes screen readers speak a repeated message again.
    window.setTimeout(function () {
      status.textContent = text;
    }, 50);
  }

  var pending = null;
  function refresh() {
    if (!rowsUrl) return;
    if (pending) window.clearTimeout(pending);
    // Several changes in one burst become one fetch.
    pending = window.setTimeout(function () {
      pending = null;
      fetch(rowsUrl, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
        .then(function (res) {
          if (res.status === 401) window.location.reload();
          return res.ok ? res.text() : null;
        })
        .then(function (html) {
          if (html) swap(new window.DOMParser().parseFromString(html, 'text/html'));
        })
        .catch(function () {});
    }, 300);
  }

  function swap(doc) {
    var fresh = doc.getElementById('inbox-rows');
    var old = document.getElementById('inbox-rows');
    if (!fresh || !old) return;
    var before = {};
    links().forEach(function (a) {
      before[a.closest('tr').dataset.id] = true;
    });
    var focusedIndex = currentIndex();
    var focusedId = focusedIndex >= 0 ? links()[focusedIndex].closest('tr').dataset.id : null;
    old.replaceWith(document.adoptNode(fresh));
    ['saved-views', 'send-failed-notice', 'level-counts', 'pager'].forEach(function (id) {
      var next = doc.getElementById(id);
      var prev = document.getElementById(id);
      if (next && prev) prev.replaceWith(document.adoptNode(next));
    });
    var added = links().filter(function (a) {
      return !before[a.closest('tr').dataset.id];
    }).length;
    if (added > 0) announce(added === 1 ? '1 new message' : added + ' new messages');
    if (focusedIndex >= 0) {
      var same = focusedId ? document.getElementById('row-' + focusedId) : null;
      var link = same && same.querySelector('a.open-link');
      if (link) link.focus();
      else focusRow(focusedIndex);
    }
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable);
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (help && help.open) return;
    var index = currentIndex();
    var key = event.key;
    if (key === 'j' || (key === 'ArrowDown' && index >= 0)) {
      event.preventDefault();
      focusRow(index + 1);
    } else if (key === 'k' || (key === 'ArrowUp' && index >= 0)) {
      event.preventDefault();
      focusRow(index < 0 ? 0 : index - 1);
    } else if (key === 'Enter' && index < 0 && document.activeElement === body) {
      var first = links()[0];
      if (first) first.click();
    } else if (key === '/') {
      var search = document.getElementById('inbox-search');
      if (search) {
        event.preventDefault();
        search.focus();
      }
    } else if (key === '?' && help && typeof help.showModal === 'function') {
      event.preventDefault();
      help.showModal();
    }
  });

  if (helpButton && help && typeof help.showModal === 'function') {
    helpButton.hidden = false;
    helpButton.addEventListener('click', function () {
      help.showModal();
    });
  }

  if (window.inboxLive) {
    if (rowsUrl) window.inboxLive.on('list', refresh);
    window.inboxLive.on('presence', function (data) {
      var cell = document.querySelector(
        '[data-presence-for="' + window.CSS.escape(String(data.messageId)) + '"]',
      );
      if (cell) window.inboxLive.renderPresence(cell, data.people, me);
    });
  }
})();

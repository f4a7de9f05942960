// Options entry: the settings page wired to browser.storage.local and browser.permissions.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/options/options.css';

render(
  <OptionsApp
    deps={{
      storage: browser.storage.local,
      permissions: browser.permissions,
      uiLanguage: browser.i18n.getUILanguage(),
    }}
  />,
  document.getElementById('app')!,
);

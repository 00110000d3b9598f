import { expect } from '@open-wc/testing';
import { SDK_VERSION } from '@digione/sdk';
import { WidgetError } from './errors.js';
import { checkSdkRange } from './sdk-range.js';

function refusal(range: string, version?: string): WidgetError | undefined {
  try {
    checkSdkRange({ id: 'acme.test', sdk: range }, version);
  } catch (error) {
    if (error instanceof WidgetError) return error;
    throw error;
  }
  return undefined;
}

describe('SDK range check', () => {
  it('accepts the ranges of the reference widgets against this SDK', () => {
    expect(refusal(`^${SDK_VERSION}`)).to.equal(undefined);
    expect(refusal(`>=0.1.0 <1.0.0`)).to.equal(undefined);
  });

  it('follows npm semver: in 0.x a minor version is a breaking one', () => {
    expect(refusal('^0.1.0', '0.1.9')).to.equal(undefined);
    expect(refusal('^0.1.0', '0.2.0')?.code).to.equal('sdk-mismatch');
    expect(refusal('^1.2.0', '1.9.0')).to.equal(undefined);
    expect(refusal('~1.2.0', '1.3.0')?.code).to.equal('sdk-mismatch');
    expect(refusal('^1.0.0 || ^2.0.0', '2.1.0')).to.equal(undefined);
  });

  it('refuses with a message that names the widget, its range and what the platform has', () => {
    const error = refusal('^9.0.0', '0.2.0');
    expect(error?.code).to.equal('sdk-mismatch');
    expect(error?.message).to.contain('acme.test').and.to.contain('^9.0.0').and.to.contain('0.2.0');
  });
});

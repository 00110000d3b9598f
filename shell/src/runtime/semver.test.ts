import { expect } from '@open-wc/testing';
import semver from 'semver';
import { satisfies } from './semver.js';

/** Ranges of every form the manifest schema allows, and the npm forms around them, including invalid ones. */
const RANGES = [
  '^0.2.0', '^0.1.0', '^1.2.3', '^0.0.3', '^0.0', '^0.x', '^1', '^1.x', '^0.0.x', '^1.2.3-beta.2', '^0.0.3-rc.1', '^0.2.0-0',
  '~1.2.3', '~1.2', '~1', '~0.2.0', '~1.2.3-beta', '~>1.2.3', '~> 1.2', '^ 1.2.3',
  '>=1.0.0', '>1.0.0', '<2.0.0', '<=2.0.0', '=1.2.3', '1.2.3', 'v1.2.3', '=v1.2.3', '>= 1.2.3', '>=0.1.0 <1.0.0',
  '>1', '>1.2', '<1', '<1.2', '<=1', '<=1.2', '>=1', '>=1.2', '=1.2', '1.2', '1', '1.x', '1.2.x', '1.X', '1.*', '*', 'x', '',
  '>*', '<*', '>=*', '1.2.3-alpha', '>=1.2.3-alpha.1 <1.3.0', '<1.2.3-beta', '>1.2.3-beta.2', '1.2.3+build.5',
  '1.2.3 - 2.3.4', '1.2 - 2.3', '1 - 2', '1.2.3-rc.1 - 2.0.0-beta', '* - 2', '1.2.3 - *', 'v1.0.0 - v2.0.0',
  '^1.0.0 || ^2.0.0', '^0.1.0 || ^0.2.0', '<1.0.0 || >=3.0.0', '1.2.3 || 2.x', '^0.2.0||~0.1.5', ' ^0.2.0 ',
  '>=1.0.0 <1.5.0 || >2.0.0 <=2.1.0', '^1.2.3 ^1.5.0', '>=2.0.0 <1.0.0',
  'not a range', '^', '>=', '1.2.3.4', '^01.2.3', '=>1.2.3', '1.2.3 -', '~1.2.3 ||| 1.0.0', '==1.2.3', '^v1.2.3',
];

const VERSIONS = [
  '0.0.0', '0.0.1', '0.0.3', '0.0.4', '0.0.3-rc.1', '0.0.3-rc.2', '0.1.0', '0.1.9', '0.2.0', '0.2.0-0', '0.2.0-beta',
  '0.2.5', '0.3.0', '1.0.0', '1.0.0-rc.1', '1.1.0', '1.2.0', '1.2.2', '1.2.3', '1.2.3-alpha', '1.2.3-alpha.1',
  '1.2.3-alpha.10', '1.2.3-alpha.2', '1.2.3-beta', '1.2.3-beta.2', '1.2.3-beta.11', '1.2.3-rc.1', '1.2.3+build.1',
  '1.2.4', '1.2.99', '1.3.0', '1.3.0-0', '1.5.0', '1.9.9', '2.0.0', '2.0.0-0', '2.0.0-beta', '2.0.1', '2.1.0',
  '2.3.4', '2.3.5', '2.4.0', '3.0.0', '10.0.0', 'v1.2.3', '1.2', '01.2.3', 'banana',
];

describe('semver range matching (npm semantics without the semver package)', () => {
  it('answers exactly as semver.satisfies for every range form against every version', () => {
    const differences: string[] = [];
    for (const range of RANGES) {
      for (const version of VERSIONS) {
        const expected = semver.satisfies(version, range);
        if (satisfies(version, range) !== expected) differences.push(`${version} in "${range}": semver says ${expected}`);
      }
    }
    expect(differences).to.deep.equal([]);
  });

  it('keeps the 0.x rule: a minor step is breaking, a patch is not', () => {
    expect(satisfies('0.2.7', '^0.2.0')).to.equal(true);
    expect(satisfies('0.3.0', '^0.2.0')).to.equal(false);
    expect(satisfies('1.9.0', '^1.2.0')).to.equal(true);
    expect(satisfies('2.0.0', '^1.2.0')).to.equal(false);
  });

  it('matches a prerelease only where the range names one of the same version', () => {
    expect(satisfies('1.3.0-beta', '^1.2.0')).to.equal(false);
    expect(satisfies('1.2.3-beta.3', '^1.2.3-beta.2')).to.equal(true);
    expect(satisfies('1.2.4-beta', '^1.2.3-beta.2')).to.equal(false);
  });
});

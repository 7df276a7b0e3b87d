// The group comparison inside <refrain-compare> (view "groups"): the page's view (../js/contrast.js)
// run in the page's one shared Worker with the element's statements and options, its groups from
// the attributes group-a and group-b. Loaded with the other views (frame.js loadViews). No side
// effect on import.

import { contrastColumns, createContrast, familyIn } from '../js/contrast.js';
import { sharedClient } from '../refrain-client.js';

/**
 * The view for the frame: `update(data)` takes the frame's data, `groups` {a, b, options} among it.
 * `on`: onGroups(a, b) (the user chose), onReport(report) (one was drawn), onReadIn(id, columns).
 */
export function createGroups(root, L, on) {
  let data = null;
  const view = createContrast(root, L, {
    run: async (groups, how) => {
      const { session } = data;
      const report = await sharedClient().contrast({
        statements: session.statements,
        options: data.groups.options,
        ...groups,
        ...how,
      });
      session.contrastReport = report;
      return report;
    },
    onGroups: on.onGroups,
    onReport: on.onReport,
    onContrastFamily: (cf, report) => on.onReadIn(familyIn(data.session.model, cf), contrastColumns(cf, report)),
  });
  return {
    update(next) {
      data = next;
      view.update({ statements: next.statements, report: next.report, a: next.groups.a, b: next.groups.b });
    },
  };
}

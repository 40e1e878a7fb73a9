// Node 20's snapshot builder cannot serialise a regular expression's compiled machine code
// (V8 aborts: "unreachable code"), and with --no-regexp-tier-up every regular expression the
// warm-up ran has some. So each one in the heap is compiled afresh from its source, which
// leaves it uncompiled (as it would be after a plain start) but the same object, lastIndex 0.
// The inspector is the one way to reach them all, in the closures of every bundled module.
import {Session} from 'node:inspector';

export function resetRegExps() {
	const session = new Session();
	session.connect();
	let count = 0;
	let failure;
	// An in-process session answers synchronously.
	session.post('Runtime.evaluate', {expression: 'RegExp.prototype'}, (error, prototype) => {
		failure ??= error;
		session.post('Runtime.queryObjects', {prototypeObjectId: prototype?.result.objectId}, (error2, found) => {
			failure ??= error2;
			session.post(
				'Runtime.callFunctionOn',
				{
					objectId: found?.objects.objectId,
					functionDeclaration: 'function () { for (const re of this) re.compile(re.source, re.flags); return this.length; }',
					returnByValue: true,
				},
				(error3, result) => {
					failure ??= error3 ?? (result?.exceptionDetails ? new Error(result.exceptionDetails.exception?.description) : undefined);
					count = result?.result.value ?? 0;
				},
			);
		});
	});
	session.disconnect();
	if (failure) {
		throw failure;
	}

	return count;
}

// The baseline worker of `npm run bench:edge`: the origin's response as it is, through workerd.
export default {
  fetch(request, env) {
    const url = new URL(request.url);
    const origin = new URL(env.ORIGIN);
    url.protocol = origin.protocol;
    url.host = origin.host;
    return fetch(new Request(url, request), { redirect: 'manual' });
  },
};

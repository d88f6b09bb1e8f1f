// <cloudplay-try> in React TSX, with the opt-in JSX types of "cloudplay/widget/react":
// compiled with `--jsx react-jsx` against @types/react.
import type {} from "cloudplay/widget/react";
import type { CloudplayTry } from "cloudplay/widget";
import { useRef } from "react";

export function TryIt() {
  const box = useRef<CloudplayTry>(null);
  return (
    <>
      <cloudplay-try ref={box} api="hai/2023-08-12/RunInstances" example={0} params={{ BundleType: "XL" }} theme="dark" className="try" />
      <cloudplay-try api="bssopenapi/2017-12-14/CreateInstance" region="cn-hangzhou" params='{"ProductCode":"rds"}' playground="https://example.com/" />
      {/* @ts-expect-error the api is required */}
      <cloudplay-try example={1} />
      {/* @ts-expect-error a theme it has no palette for */}
      <cloudplay-try api="hai/2023-08-12/RunInstances" theme="blue" />
    </>
  );
}

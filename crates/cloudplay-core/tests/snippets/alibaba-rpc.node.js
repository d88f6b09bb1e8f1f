// npm install @alicloud/openapi-client @alicloud/tea-util
const OpenApi = require("@alicloud/openapi-client");
const Util = require("@alicloud/tea-util");

const client = new OpenApi.default(new OpenApi.Config({
  accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID,
  accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
  securityToken: process.env.ALIBABA_CLOUD_SECURITY_TOKEN, // STS credentials only
  endpoint: "business.aliyuncs.com",
}));
const api = new OpenApi.Params({
  action: "CreateInstance",
  version: "2017-12-14",
  protocol: "HTTPS",
  method: "POST",
  authType: "AK",
  style: "RPC",
  pathname: "/",
  reqBodyType: "json",
  bodyType: "json",
});
// RPC parameters travel flat: nested values as Name.N.Field, lists counted from 1.
const query = {
  "ProductCode": "rds",
  "ProductType": "rds",
  "SubscriptionType": "Subscription",
  "Period": "12",
  "RenewalStatus": "ManualRenewal",
  "RenewPeriod": "12",
  "ClientToken": "JASIOFKVNVIXXXXXX",
  "Logistics": "{\"cityCode\":\"330100\",\"cityName\":\"Hangzhou\",\"contactName\":\"Test\",\"countryCode\":\"\",\"districtName\":\"Puyan Street\",\"email\":\"**@example.com\",\"mobilePhone\":\"153564848844\",\"phone\":\"1234567\",\"provCode\":\"330000\",\"provName\":\"Zhejiang\",\"streetCode\":\"33010610\",\"streetName\":\"Zhuantang\",\"zipCode\":\"0000\"}",
  "Parameter.1.Code": "InstanceType",
  "Parameter.1.Value": "disk",
  "PricingCycle": "2",
};
const request = new OpenApi.OpenApiRequest({ query });

client.callApi(api, request, new Util.RuntimeOptions({})).then(
  (response) => console.log(JSON.stringify(response.body, null, 2)),
  (err) => console.error(err),
);

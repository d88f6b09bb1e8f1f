# aliyun CLI; credentials from `aliyun configure` or
# ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET
# (STS ones: ALIBABA_CLOUD_SECURITY_TOKEN too).
aliyun bssopenapi CreateInstance --endpoint business.aliyuncs.com \
  --ProductCode rds \
  --ProductType rds \
  --SubscriptionType Subscription \
  --Period 12 \
  --RenewalStatus ManualRenewal \
  --RenewPeriod 12 \
  --ClientToken JASIOFKVNVIXXXXXX \
  --Logistics '{"cityCode":"330100","cityName":"Hangzhou","contactName":"Test","countryCode":"","districtName":"Puyan Street","email":"**@example.com","mobilePhone":"153564848844","phone":"1234567","provCode":"330000","provName":"Zhejiang","streetCode":"33010610","streetName":"Zhuantang","zipCode":"0000"}' \
  --Parameter.1.Code InstanceType \
  --Parameter.1.Value disk \
  --PricingCycle 2

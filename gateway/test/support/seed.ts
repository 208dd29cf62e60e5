export { addCustomer, addShop, addStaff, linkToken, login, messagesTo, must, password, shopInput, signUp, type SeededOrg } from '@cip/shops/testing';
